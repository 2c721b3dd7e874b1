// Shapes shared by the cost core. Quantities per pod are whole millicores and whole bytes
// (exact, as parsed by quantity.ts); money is in minor units (paise for INR) so that every
// total is an exact integer sum of its parts.
import type { Resource } from '../parse/extractResources';
import type { MeshName } from '../settings';

/** One resource of the workspace and the file it came from. */
export interface WorkspaceResource {
  readonly file: string;
  readonly resource: Resource;
}

/** A mesh that puts something on the data path. */
export type DataPlane = Exclude<MeshName, 'none'>;

/** CPU and memory, each possibly unset (no request, no limit). */
export interface CpuMemory {
  readonly cpuMillicores?: number;
  readonly memoryBytes?: number;
}

/** Exactly priced CPU and memory (both set). */
export interface CpuMemoryAmount {
  readonly cpuMillicores: number;
  readonly memoryBytes: number;
}

/** A money amount in minor units (1/100 of the currency unit), split by resource. */
export interface MoneyParts {
  readonly cpu: number;
  readonly memory: number;
}

export type JsonPath = readonly (string | number)[];
