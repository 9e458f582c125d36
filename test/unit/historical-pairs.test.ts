import { describe, expect, it } from 'vitest';
import { type CalendarDate, convertDate, formatIsoDate, weekdayOf } from '../../src/core/calendar.js';
import { convertWrittenDate } from '../../src/core/convert.js';

const wiki = (page: string, title = page.replace(/_/g, ' ')) => ({ title: `${title} (Wikipedia)`, url: `https://en.wikipedia.org/wiki/${page}` });

/**
 * Documented Old Style / New Style pairs: each source gives both dates. The O.S. date is written
 * the way the source writes it (dual-dated years included); the N.S. date is ISO.
 */
const PAIRS: readonly { event: string; os: string; ns: string; source: { title: string; url: string } }[] = [
  { event: 'February Revolution begins', os: '23 February 1917', ns: '1917-03-08', source: wiki('February_Revolution') },
  { event: 'Nicholas II abdicates', os: '2 March 1917', ns: '1917-03-15', source: wiki('Nicholas_II') },
  { event: 'October Revolution: the Winter Palace taken', os: '25 October 1917', ns: '1917-11-07', source: wiki('October_Revolution') },
  { event: 'Bloody Sunday', os: '9 January 1905', ns: '1905-01-22', source: wiki('Bloody_Sunday_(1905)') },
  { event: 'Battleship Potemkin mutiny', os: '14 June 1905', ns: '1905-06-27', source: wiki('Russian_battleship_Potemkin') },
  { event: 'Battle of Borodino', os: '26 August 1812', ns: '1812-09-07', source: wiki('Battle_of_Borodino') },
  { event: 'Isaac Newton born', os: '25 December 1642', ns: '1643-01-04', source: wiki('Isaac_Newton') },
  { event: 'George Washington born', os: '11 February 1731/32', ns: '1732-02-22', source: wiki('George_Washington') },
  { event: 'Benjamin Franklin born', os: '6 January 1705/06', ns: '1706-01-17', source: wiki('Benjamin_Franklin') },
  { event: 'Execution of Charles I', os: '30 January 1648/49', ns: '1649-02-09', source: wiki('Execution_of_Charles_I') },
  { event: 'Elizabeth I dies', os: '24 March 1602/03', ns: '1603-04-03', source: wiki('Elizabeth_I') },
  { event: 'William Shakespeare dies', os: '23 April 1616', ns: '1616-05-03', source: wiki('William_Shakespeare') },
  { event: 'Great Fire of London begins', os: '2 September 1666', ns: '1666-09-12', source: wiki('Great_Fire_of_London') },
  { event: 'Oliver Cromwell dies', os: '3 September 1658', ns: '1658-09-13', source: wiki('Oliver_Cromwell') },
  { event: 'Battle of the Boyne', os: '1 July 1690', ns: '1690-07-11', source: wiki('Battle_of_the_Boyne') },
  { event: 'John Wesley born', os: '17 June 1703', ns: '1703-06-28', source: wiki('John_Wesley') },
  { event: 'Johann Sebastian Bach born', os: '21 March 1685', ns: '1685-03-31', source: wiki('Johann_Sebastian_Bach') },
  { event: 'George Frideric Handel born', os: '23 February 1685', ns: '1685-03-05', source: wiki('George_Frideric_Handel') },
  { event: 'Peter the Great born', os: '30 May 1672', ns: '1672-06-09', source: wiki('Peter_the_Great') },
  { event: 'Saint Petersburg founded', os: '16 May 1703', ns: '1703-05-27', source: wiki('Saint_Petersburg') },
  { event: 'Battle of Poltava', os: '27 June 1709', ns: '1709-07-08', source: wiki('Battle_of_Poltava') },
  { event: 'Russian Empire proclaimed', os: '22 October 1721', ns: '1721-11-02', source: wiki('Russian_Empire') },
  { event: 'Catherine the Great born', os: '21 April 1729', ns: '1729-05-02', source: wiki('Catherine_the_Great') },
  { event: 'Alexander Pushkin born', os: '26 May 1799', ns: '1799-06-06', source: wiki('Alexander_Pushkin') },
  { event: 'Greek War of Independence declared', os: '25 March 1821', ns: '1821-04-06', source: wiki('Greek_War_of_Independence') },
  { event: 'Fyodor Dostoevsky born', os: '30 October 1821', ns: '1821-11-11', source: wiki('Fyodor_Dostoevsky') },
  { event: 'Decembrist revolt', os: '14 December 1825', ns: '1825-12-26', source: wiki('Decembrist_revolt') },
  { event: 'Dmitri Mendeleev born', os: '27 January 1834', ns: '1834-02-08', source: wiki('Dmitri_Mendeleev') },
  { event: 'Pyotr Ilyich Tchaikovsky born', os: '25 April 1840', ns: '1840-05-07', source: wiki('Pyotr_Ilyich_Tchaikovsky') },
  { event: 'Emancipation of the serfs', os: '19 February 1861', ns: '1861-03-03', source: wiki('Emancipation_reform_of_1861') },
  { event: 'Vladimir Lenin born', os: '10 April 1870', ns: '1870-04-22', source: wiki('Vladimir_Lenin') },
  { event: 'Joseph Stalin born', os: '6 December 1878', ns: '1878-12-18', source: wiki('Joseph_Stalin') },
  { event: 'Leo Tolstoy dies', os: '7 November 1910', ns: '1910-11-20', source: wiki('Leo_Tolstoy') },
  { event: 'Grigori Rasputin killed', os: '17 December 1916', ns: '1916-12-30', source: wiki('Grigori_Rasputin') },
];

describe('documented Old Style / New Style pairs', () => {
  it('there are at least 30, each with a source', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(30);
    for (const pair of PAIRS) expect(pair.source.url).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\//);
  });

  it.each(PAIRS.map((p) => [p.event, p] as const))('%s', (_event, pair) => {
    const conversion = convertWrittenDate(`${pair.os} O.S.`);
    expect(formatIsoDate(conversion.gregorian)).toBe(pair.ns);
    const [y, m, d] = pair.ns.split('-').map(Number) as [number, number, number];
    const ns: CalendarDate = { calendar: 'gregorian', year: y, month: m, day: d };
    expect(convertDate(ns, 'julian')).toEqual(conversion.julian);
    expect(weekdayOf(ns)).toBe(weekdayOf(conversion.julian));
    expect(formatIsoDate(convertWrittenDate(`${pair.ns} N.S.`).julian)).toBe(formatIsoDate(conversion.julian));
  });
});
