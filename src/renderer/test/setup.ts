import '@testing-library/jest-dom/vitest';

// jsdom lacks layout: cmdk and the virtualizer need these to exist.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

import { configure } from '@testing-library/react';

// Under a loaded CI machine the default 1 s wait for findBy*/waitFor is too tight.
configure({ asyncUtilTimeout: 5_000 });
