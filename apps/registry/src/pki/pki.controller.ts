import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@bureaunet/platform';
import { PkiService } from './pki.service';

export const PEM_FILE_CONTENT_TYPE = 'application/x-pem-file';

@ApiTags('pki')
@Public()
@Controller('api/pki')
export class PkiController {
  constructor(private readonly pki: PkiService) {}

  @Get('ca')
  @Header('Content-Type', PEM_FILE_CONTENT_TYPE)
  @ApiProduces(PEM_FILE_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'The CA certificate (PEM) every bureau certificate chains to',
    schema: { type: 'string' },
  })
  caCertificate(): string {
    return this.pki.caCertificatePem();
  }
}
