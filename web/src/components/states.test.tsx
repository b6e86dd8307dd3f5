import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ApiError } from '@/api/errors';
import { renderPage } from '@/test/render';
import { FormError } from './states';

describe('form errors', () => {
  it('explain a correction refused as validated_elsewhere', () => {
    renderPage(<FormError error={new ApiError(403, { status: 403, code: 'validated_elsewhere', title: 'Forbidden' })} />);
    expect(screen.getByTestId('form-error')).toHaveTextContent(
      'A validated case of another unit links this record: only a supervisor of that unit can correct it.',
    );
  });
});
