import { ApiProperty } from '@nestjs/swagger';
import type { Int64 } from '../../common/int64';
import { Int64IdList, Required } from '../../common/validation/fields';
import { CallResponseDto } from './call-response.dto';

/** The most communication ids one batch may ask for. */
export const MAX_BATCH_IDS = 1000;

/**
 * Keys and array items the batch's body may hold: twice the most ids, so that a list somewhat too long is refused
 * by the rule of `ids` (naming it) rather than as a body no operation takes.
 */
export const BATCH_BODY_MEMBERS = 2 * MAX_BATCH_IDS;

export class CallBatchRequestDto {
  @ApiProperty({
    type: 'array',
    // Either form, as the service reads them: a client that cannot write a number above 2^53 sends digits.
    items: {
      oneOf: [
        { type: 'integer', format: 'int64', minimum: 1 },
        { type: 'string', pattern: '^[0-9]{1,64}$', description: 'Decimal digits of a positive int64.' },
      ],
    },
    minItems: 1,
    maxItems: MAX_BATCH_IDS,
    description:
      `1 to ${MAX_BATCH_IDS} communication ids (the \`timelineId\`s of Call webhook events), each a JSON integer ` +
      '(exact also above 2^53) or a string of decimal digits. An id given twice is answered once.',
    example: [563172647619608, 563172647619609, 563172647619610],
  })
  @Required()
  @Int64IdList(MAX_BATCH_IDS)
  ids!: Int64[];
}

export class CallBatchResponseDto {
  @ApiProperty({
    type: [CallResponseDto],
    description: 'The records of the ids you may read, as Get Call answers them, in the order asked.',
  })
  calls!: CallResponseDto[];

  @ApiProperty({
    type: 'array',
    items: { type: 'integer', format: 'int64' },
    description:
      'The ids you may not read, in the order asked: no such communication, not a call, or a call whose lead ' +
      "you may not manage (which of these is not told, as with Get Call's PERMISSION_DENIED).",
    example: [563172647619610],
  })
  denied!: bigint[];
}

/** `GET /v1.0/calls/{callId}`: the call record under the key `calls` (one object, under a plural key). */
export class WrappedCallResponseDto {
  @ApiProperty({ type: CallResponseDto })
  calls!: CallResponseDto;
}
