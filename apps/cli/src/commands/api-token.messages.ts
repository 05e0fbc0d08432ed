/** What the CLI says for `regiokit api-token`, in German (default) and English. */
export const API_TOKEN_DE = {
  apiTokenDescription: 'API-Tokens für die JSON-API anlegen, auflisten und widerrufen',
  apiTokenExamples: [
    'regiokit api-token create --region kielregion --name "Website KielRegion"',
    'regiokit api-token list',
    'regiokit api-token revoke 3f9c2a7b1d4e8f60',
  ],
  apiTokenCreateDescription:
    'Legt ein API-Token für eine Region (oder mit * für alle) an und zeigt es ein einziges Mal.',
  apiTokenCreateExamples: [
    'regiokit api-token create --region kielregion --name "Website KielRegion"',
    'regiokit api-token create --region thueringer-bogen --name Pressetool --expires 2027-07-31',
    'regiokit api-token create --region "*" --name "Berichte aller Regionen" --expires "2027-01-01 00:00" --json',
  ],
  apiTokenRegionOption: 'Region (ID), für die das Token gilt, oder * für alle Regionen',
  apiTokenNameOption: 'wofür das Token ist, z. B. "Website KielRegion"',
  apiTokenExpiresOption:
    'gilt bis einschließlich diesem Tag (2027-07-31, 31.07.2027) oder bis zu diesem Zeitpunkt ("2027-07-31 18:00"), Berliner Zeit',
  apiTokenExpiresUnparseable: (value: string) =>
    `„${value}“ ist weder ein Tag noch ein Zeitpunkt. Erwartet wird z. B. 2027-07-31, 31.07.2027 oder "2027-07-31 18:00".`,
  apiTokenCreated: (id: string, region: string) => `API-Token ${id} für ${region} angelegt:`,
  apiTokenAllRegions: 'alle Regionen',
  apiTokenShownOnce:
    'Das Token wird nur jetzt angezeigt und nirgends gespeichert; bewahre es sicher auf (z. B. in einem Passwort-Manager).',
  apiTokenListDescription:
    'Listet die API-Tokens mit Region, Status und letzter Nutzung, ohne die Tokens selbst.',
  apiTokenListExamples: ['regiokit api-token list', 'regiokit api-token list --region kielregion --json'],
  apiTokenListRegionOption: 'nur Tokens für diese Region (und die für alle Regionen)',
  apiTokenNone:
    'Keine API-Tokens. Lege eines an mit „regiokit api-token create --region <ID> --name <Name>“.',
  apiTokenRevokeDescription: 'Widerruft ein API-Token endgültig; Anfragen damit werden abgelehnt.',
  apiTokenRevokeArgument: 'ID des Tokens (16 Zeichen, aus „regiokit api-token list“)',
  apiTokenRevokeExamples: [
    'regiokit api-token revoke 3f9c2a7b1d4e8f60',
    'regiokit api-token revoke 3f9c2a7b1d4e8f60 --json',
  ],
  apiTokenRevoked: (id: string, name: string) => `API-Token ${id} („${name}“) widerrufen.`,
  apiTokenAlreadyRevoked: (id: string, when: string) => `API-Token ${id} war schon widerrufen (${when}).`,
  apiTokenUnknown: (id: string) =>
    `Kein API-Token mit der ID „${id}“. Die IDs zeigt „regiokit api-token list“.`,
  apiTokenStates: { active: 'aktiv', expired: 'abgelaufen', revoked: 'widerrufen' } as Record<string, string>,
  colId: 'ID',
  colCreated: 'Angelegt',
  colLastUsed: 'Zuletzt benutzt',
  colExpires: 'Läuft ab',
};

export type ApiTokenMessages = typeof API_TOKEN_DE;

export const API_TOKEN_EN: ApiTokenMessages = {
  apiTokenDescription: 'create, list and revoke tokens of the JSON API',
  apiTokenExamples: [
    'regiokit api-token create --region kielregion --name "Website KielRegion"',
    'regiokit api-token list',
    'regiokit api-token revoke 3f9c2a7b1d4e8f60',
  ],
  apiTokenCreateDescription: 'Creates an API token for one region (or * for all) and shows it this one time.',
  apiTokenCreateExamples: [
    'regiokit api-token create --region kielregion --name "Website KielRegion"',
    'regiokit api-token create --region thueringer-bogen --name "Press tool" --expires 2027-07-31',
    'regiokit api-token create --region "*" --name "Reports of all regions" --expires "2027-01-01 00:00" --json',
  ],
  apiTokenRegionOption: 'region (id) the token is for, or * for all regions',
  apiTokenNameOption: 'what the token is for, e.g. "Website KielRegion"',
  apiTokenExpiresOption:
    'valid through this day (2027-07-31, 31.07.2027) or until this moment ("2027-07-31 18:00"), Berlin time',
  apiTokenExpiresUnparseable: (value) =>
    `"${value}" is neither a day nor a moment. Expected e.g. 2027-07-31, 31.07.2027 or "2027-07-31 18:00".`,
  apiTokenCreated: (id, region) => `API token ${id} for ${region} created:`,
  apiTokenAllRegions: 'all regions',
  apiTokenShownOnce:
    'The token is shown only now and stored nowhere; keep it safe (e.g. in a password manager).',
  apiTokenListDescription:
    'Lists the API tokens with region, state and last use, never the tokens themselves.',
  apiTokenListExamples: ['regiokit api-token list', 'regiokit api-token list --region kielregion --json'],
  apiTokenListRegionOption: 'only tokens for this region (and those for all regions)',
  apiTokenNone: 'No API tokens. Create one with "regiokit api-token create --region <id> --name <name>".',
  apiTokenRevokeDescription: 'Revokes an API token for good; requests with it are refused.',
  apiTokenRevokeArgument: 'id of the token (16 characters, from "regiokit api-token list")',
  apiTokenRevokeExamples: [
    'regiokit api-token revoke 3f9c2a7b1d4e8f60',
    'regiokit api-token revoke 3f9c2a7b1d4e8f60 --json',
  ],
  apiTokenRevoked: (id, name) => `API token ${id} ("${name}") revoked.`,
  apiTokenAlreadyRevoked: (id, when) => `API token ${id} was already revoked (${when}).`,
  apiTokenUnknown: (id) => `No API token with the id "${id}". "regiokit api-token list" shows the ids.`,
  apiTokenStates: { active: 'active', expired: 'expired', revoked: 'revoked' },
  colId: 'ID',
  colCreated: 'Created',
  colLastUsed: 'Last used',
  colExpires: 'Expires',
};
