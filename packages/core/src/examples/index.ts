// Reference regions and records for demos and tests.
export {};
