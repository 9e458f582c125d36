import { type ListingFlags, addListingOptions, runListing } from '../listing.js';
import type { RegisterCommand } from './index.js';

/** `centenary list`: every event, or those the filters select, in date order. */
export const registerList: RegisterCommand = (program, io, setExitCode) => {
  addListingOptions(program.command('list').description('list events in date order, filtered by dates, tag, kind and country'))
    .addHelpText('after', '\nExamples:\n  centenary list --from 1917-10 --to 1917-11 --country RU\n  centenary list --kind birth --tag science --format json')
    .action(async (flags: ListingFlags) => {
      setExitCode(await runListing([], flags, io));
    });
};
