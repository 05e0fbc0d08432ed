declare module 'mailauth/lib/dkim/verify' {
  export interface DkimResult {
    signingDomain?: string;
    selector?: string;
    signingHeaders?: { keys: string; headers: string[]; canonicalizedHeader: string };
    status: {
      result: 'pass' | 'fail' | 'neutral' | 'none' | 'policy' | 'temperror' | 'permerror';
      comment?: string;
    };
    info?: string;
  }
  export function dkimVerify(
    input: Buffer | string,
    options: { resolver: (name: string, type: string) => Promise<string[][]> },
  ): Promise<{ results: DkimResult[] }>;
}
