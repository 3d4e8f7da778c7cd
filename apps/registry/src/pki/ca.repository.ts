import { Injectable } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CaMaterial } from './root-ca';

/** Where a CA lives on disk: PEM certificate and PEM PKCS#8 key. */
export interface CaFiles {
  certificate: string;
  privateKey: string;
}

export function caFilesIn(directory: string): CaFiles {
  return { certificate: join(directory, 'ca.crt'), privateKey: join(directory, 'ca.key') };
}

export class CaFilesExistError extends Error {
  override readonly name = 'CaFilesExistError';
}

/** CA files on disk. The key is written owner-only and nothing is ever overwritten. */
@Injectable()
export class CaRepository {
  presence(files: CaFiles): 'both' | 'none' | 'partial' {
    const found = [files.certificate, files.privateKey].filter((path) => existsSync(path)).length;
    return found === 2 ? 'both' : found === 0 ? 'none' : 'partial';
  }

  read(files: CaFiles): CaMaterial {
    return {
      certificatePem: readFileSync(files.certificate, 'utf8'),
      privateKeyPem: readFileSync(files.privateKey, 'utf8'),
    };
  }

  /** Refuses when either file exists, so a CA (and what it issued) is never silently replaced. */
  write(files: CaFiles, material: CaMaterial): void {
    const existing = [files.certificate, files.privateKey].filter((path) => existsSync(path));
    if (existing.length > 0) throw new CaFilesExistError(`refusing to overwrite ${existing.join(' and ')}`);
    mkdirSync(dirname(files.privateKey), { recursive: true });
    mkdirSync(dirname(files.certificate), { recursive: true });
    // 'wx' (O_EXCL): a file that appeared since the check is not replaced either.
    writeFileSync(files.privateKey, material.privateKeyPem, { flag: 'wx', mode: 0o600 });
    writeFileSync(files.certificate, material.certificatePem, { flag: 'wx', mode: 0o644 });
  }
}
