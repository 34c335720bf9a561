import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import { oneOfMessage } from '../../common/errors/parameter-messages';
import { Text } from '../../common/validation/fields';
import { RefusesUndeclaredFields } from '../../common/validation/validation.pipe';
import { CallingOutcome } from '../call-enums';
import { notEditableMessage, RATE_SCORE_MESSAGE } from '../call-edit.errors';
import { LOG_CONTENT_MAX } from './manual-log.dto';

/**
 * An edit of a call: the fields given are set, `null` clears one, the others stay as they are. Any other field
 * (one of the record that is not editable, or an unknown one) is refused, named, rather than ignored. `null` is
 * kept apart from absent here (not `Optional()`, which reads null as absent).
 */
@RefusesUndeclaredFields(notEditableMessage)
export class EditCallDto {
  @ApiPropertyOptional({
    type: 'string',
    // Inline rather than a reference to CallingOutcome: an OpenAPI 3.0 `nullable` needs a `type` beside it, and
    // its enum must hold null (3.0.3), which CallingOutcome's may not.
    enum: [...Object.values(CallingOutcome), null] as unknown as string[],
    nullable: true,
    description: 'The outcome tag; null clears it.',
    example: CallingOutcome.Talked,
  })
  @IsOptional()
  @IsIn(Object.values(CallingOutcome), { message: oneOfMessage('$property', Object.values(CallingOutcome)) })
  callingOutcome?: CallingOutcome | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 5,
    nullable: true,
    description: "The agent's rating, 0 to 5, of a dialer call (a logged call has none: 400); null clears it.",
    example: 4,
  })
  @IsOptional()
  @ValidateBy({
    name: 'isRateScore',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 5,
      defaultMessage: () => RATE_SCORE_MESSAGE,
    },
  })
  rateScore?: number | null;

  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description:
      `The agent's note (of a logged call: its log's content, which Get Call answers as \`note\`). Longer than ` +
      `${LOG_CONTENT_MAX} characters is truncated to ${LOG_CONTENT_MAX}, as a manual log's content is; null or an ` +
      'empty text clears it.',
    example: 'Called back: pre-approval received.',
  })
  @IsOptional()
  @Text()
  note?: string | null;
}
