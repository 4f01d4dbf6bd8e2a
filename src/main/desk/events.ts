/** Events the desk announces to every open screen (IPC or SSE). */
export type DeskEvent =
  | { type: 'changed'; tables: string[] }
  | { type: 'progress'; jobId: string; done: number; total: number; label: string }
  | { type: 'sync'; online: boolean; pending: number };

export type DeskListener = (event: DeskEvent) => void;

export class DeskEvents {
  private listeners = new Set<DeskListener>();

  on(listener: DeskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DeskEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  }
}
