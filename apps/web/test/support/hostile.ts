/** Values an attacker or a broken client puts into form fields and API bodies. */
export const HOSTILE_VALUES: readonly [string, string][] = [
  ['script', '<script>alert(1)</script>'],
  ['attribute break-out', '"><img src=x onerror=alert(1)>'],
  ['CR/LF header injection', 'Erika\r\nBcc: victim@example.org'],
  ['merge field', '{{unsubscribeUrl}}'],
  ['NUL byte', 'Erika\u0000'],
  ['overlong', 'x'.repeat(10_000)],
];
