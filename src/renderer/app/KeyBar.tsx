import { useTranslation } from 'react-i18next';
import { activeBindings, displayKey, useKeyStore } from './keyboard';

/** The function-key bar: every labelled key active right now, so nobody has to remember them. */
export function KeyBar() {
  const { t } = useTranslation();
  const layers = useKeyStore((s) => s.layers);
  const seen = new Set<string>();
  const shown = activeBindings(layers).filter((b) => {
    if (!b.label || seen.has(b.key)) return false;
    seen.add(b.key);
    return true;
  });
  return (
    <div className="keybar" aria-label="keys">
      {shown.map((b) => (
        <button key={b.key} type="button" className="keycap" tabIndex={-1} onClick={(e) => b.run(e.nativeEvent as unknown as KeyboardEvent)}>
          <kbd>{displayKey(b.key)}</kbd>
          <span>{t(b.label!)}</span>
        </button>
      ))}
    </div>
  );
}
