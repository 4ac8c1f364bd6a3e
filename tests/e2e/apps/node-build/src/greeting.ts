export interface Greeting {
  app: string;
  message: string;
}

export function greet(app: string): Greeting {
  return { app, message: `hello from ${app} (compiled TypeScript)` };
}
