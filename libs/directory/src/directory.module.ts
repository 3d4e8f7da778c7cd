import { DynamicModule, Module } from '@nestjs/common';
import { DIRECTORY_OPTIONS, DirectoryClient, DirectoryOptions } from './directory.client';

@Module({})
export class DirectoryModule {
  static forRoot(options: DirectoryOptions): DynamicModule {
    return {
      module: DirectoryModule,
      global: true,
      providers: [{ provide: DIRECTORY_OPTIONS, useValue: options }, DirectoryClient],
      exports: [DirectoryClient],
    };
  }
}
