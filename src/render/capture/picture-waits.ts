import path from 'node:path';
import type { Store } from '../cache/cache.js';

interface Waiting {
  promise: Promise<string>;
  resolve: (file: string) => void;
  reject: (err: Error) => void;
}

/**
 * The PNG pictures that encoders wait for while the browser captures them. One fast render owns
 * one: its encoders ask for pictures (`whenCaptured`), its capture hands them in (`captured`),
 * and when the capture is over or failed, whatever is still waited for is refused (`end`).
 */
export class PictureWaits {
  private readonly waiting = new Map<string, Waiting>();
  private over = false;

  constructor(private readonly pictures: Store) {}

  /** The picture's file: from the cache at once, or when it is captured. */
  whenCaptured(key: string): Promise<string> {
    const file = this.pictures.get(key, 'png');
    if (file) return Promise.resolve(file);
    if (this.over) return Promise.reject(this.vanished(key));
    if (!this.waiting.has(key)) {
      let resolve: (file: string) => void = () => {};
      let reject: (err: Error) => void = () => {};
      const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => {});
      this.waiting.set(key, { promise, resolve, reject });
    }
    return (this.waiting.get(key) as Waiting).promise;
  }

  /** The picture `key` is in the cache, at `file`. */
  captured(key: string, file: string): void {
    this.waiting.get(key)?.resolve(file);
  }

  /** The capture is over (or failed): a picture still waited for will never come. */
  end(err: (key: string) => Error = (key) => this.vanished(key)): void {
    this.over = true;
    for (const [key, w] of this.waiting) w.reject(err(key));
  }

  private vanished(key: string): Error {
    return new Error(`cache entry ${path.basename(this.pictures.pathOf(key, 'png'))} vanished during the render`);
  }
}
