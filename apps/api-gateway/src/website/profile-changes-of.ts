import { AppError, UpdateProfileCommand } from '@karmabot/contracts';
import { UpdateProfileBody } from './dto/update-profile.body';

const FIELDS = ['display_name', 'phone', 'locale'] as const;

/** The fields a profile update sets (a value) or clears (null); an update that names none is refused. */
export function profileChangesOf(body: UpdateProfileBody): UpdateProfileCommand['changes'] {
  if (FIELDS.every((field) => body[field] === undefined)) {
    const message = `send at least one of ${FIELDS.join(', ')}`;
    throw new AppError(
      'VALIDATION_FAILED',
      `The request has invalid fields: ${message}`,
      FIELDS.map((field) => ({ field, message })),
    );
  }
  return { displayName: body.display_name, phone: body.phone, locale: body.locale };
}
