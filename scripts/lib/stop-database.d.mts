import type { ChildProcess } from "node:child_process";

export declare const DATABASE_STOP_MS: number;
export declare function stopDatabase(database: ChildProcess, timeoutMs?: number): Promise<void>;
