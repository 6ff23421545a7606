import type { PostalLetter, PostalLetterStore } from '../../../functions/domain/post/postal-letter.js';

/** {@link PostalLetterStore} in memory, with the same rules as the DynamoDB adapter. */
export class InMemoryPostalLetterStore implements PostalLetterStore {
  readonly letters = new Map<string, PostalLetter>();

  private static key = (requestId: string, letterId: string): string => `${requestId}#${letterId}`;

  async record(letter: PostalLetter): Promise<void> {
    const key = InMemoryPostalLetterStore.key(letter.requestId, letter.letterId);
    if (!this.letters.has(key)) this.letters.set(key, letter);
  }

  async get(requestId: string, letterId: string): Promise<PostalLetter | undefined> {
    return this.letters.get(InMemoryPostalLetterStore.key(requestId, letterId));
  }

  async listForRequest(requestId: string): Promise<PostalLetter[]> {
    return [...this.letters.values()].filter((letter) => letter.requestId === requestId).sort((a, b) => (a.letterId < b.letterId ? -1 : 1));
  }

  async listUnposted(): Promise<PostalLetter[]> {
    return [...this.letters.values()].filter((letter) => !letter.posted).sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : 1));
  }

  async setPdfKey(requestId: string, letterId: string, pdfKey: string): Promise<void> {
    const letter = await this.get(requestId, letterId);
    if (!letter) throw new Error('no such letter');
    this.letters.set(InMemoryPostalLetterStore.key(requestId, letterId), { ...letter, pdfKey });
  }

  async markPosted(requestId: string, letterId: string, posted: { by: string; at: string }): Promise<boolean> {
    const letter = await this.get(requestId, letterId);
    if (!letter || letter.posted || !letter.pdfKey) return false;
    this.letters.set(InMemoryPostalLetterStore.key(requestId, letterId), { ...letter, posted });
    return true;
  }
}
