import { UsageError } from '../../core/errors.js';
import { type ListingFlags, addListingOptions, runListing } from '../listing.js';
import type { RegisterCommand } from './index.js';

/** `centenary search WORDS…`: events whose text holds every word, accents and case ignored. */
export const registerSearch: RegisterCommand = (program, io, setExitCode) => {
  addListingOptions(
    program
      .command('search')
      .description('find events by words (accent- and case-insensitive), with the filters of list')
      .argument('<words...>', 'words that must all occur in the title, summary, place, note, tags or id'),
  )
    .addHelpText('after', '\nExamples:\n  centenary search revolution --from 1917 --to 1917\n  centenary search compiegne --format json')
    .action(async (words: string[], flags: ListingFlags) => {
      if (words.every((w) => w.trim() === '')) throw new UsageError('no words to search for', 'give at least one word, or use centenary list');
      setExitCode(await runListing(words, flags, io));
    });
};
