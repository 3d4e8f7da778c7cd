import { ApiProperty } from '@nestjs/swagger';
import { NoticeDto } from './notice.dto';

/** A notice held here that may be about the person a request names: what a reviewer weighs before approving. */
export class NoticeDuplicateDto {
  @ApiProperty({ type: NoticeDto })
  notice!: NoticeDto;
  @ApiProperty({ description: 'In [0, 1], three decimals; from 0.7 a match' })
  score!: number;
  @ApiProperty({
    type: [String],
    description: 'What agrees: family-name:exact, given-names:phonetic, dob:exact, document…',
  })
  reasons!: string[];
}
