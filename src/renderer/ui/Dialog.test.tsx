import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { installKeyboard, useKeys } from '../app/keyboard';
import { Dialog } from './Dialog';
import { TextField } from './Field';

function Form({ onSave }: { onSave: () => void }) {
  useKeys([{ key: 'Ctrl+S', run: onSave, inInputs: true }]);
  return <TextField label="名称" value="" onChange={() => undefined} />;
}

function Harness({ onSave, onClose, onScreenKey }: { onSave: () => void; onClose: () => void; onScreenKey: () => void }) {
  useEffect(() => installKeyboard(), []);
  useKeys([{ key: 'F5', run: onScreenKey, inInputs: true }]);
  return (
    <Dialog title="编辑" onClose={onClose}>
      <Form onSave={onSave} />
    </Dialog>
  );
}

describe('Dialog', () => {
  it('focuses the first field, lets keys of its content fire, hides the screen beneath, and closes on Esc', async () => {
    const onSave = vi.fn();
    const onClose = vi.fn();
    const onScreenKey = vi.fn();
    const user = userEvent.setup();
    render(<Harness onSave={onSave} onClose={onClose} onScreenKey={onScreenKey} />);
    expect(screen.getByLabelText('名称')).toHaveFocus();
    await act(() => user.keyboard('{Control>}s{/Control}'));
    expect(onSave).toHaveBeenCalledTimes(1);
    await act(() => user.keyboard('{F5}'));
    expect(onScreenKey).not.toHaveBeenCalled();
    await act(() => user.keyboard('{Escape}'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
