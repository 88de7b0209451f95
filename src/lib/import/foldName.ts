// A name as the place lookup compares it: NFKC, no case, no Latin accents, apostrophes and punctuation as spaces.
// Marks of Indic scripts and Japanese voicing marks are letters there, so only the Latin combining accents are removed.

export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`ʻ‘]/g, '')
    .replace(/[\s\-_.,;:()/\\"“”]+/g, ' ')
    .replace(/ß/g, 'ss')
    .trim();
}
