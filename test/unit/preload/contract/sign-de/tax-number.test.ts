import { describe, expect, it } from 'vitest';
import { type Bundesland, bundeslandCodes, toElsterTaxNumber } from '../../../../../preload/contract/sign-de/tax-number';

/**
 * The Steuernummer as printed → the 13-digit ELSTER form, per Land. The expected values are worked out by hand
 * from the reference's table (elster-146a-notification.md §2.6), not by the code under test.
 */
const VALID: Record<Bundesland, [printed: string, elster: string]> = {
  BW: ['93815/08152', '2893081508152'],
  BY: ['181/815/08155', '9181081508155'],
  BE: ['21/815/08150', '1121081508150'],
  BB: ['048/815/08155', '3048081508155'],
  HB: ['75 815 08152', '2475081508152'],
  HH: ['02/815/08156', '2202081508156'],
  HE: ['013 815 08153', '2613081508153'],
  MV: ['079/815/08151', '4079081508151'],
  NI: ['24/815/08151', '2324081508151'],
  NW: ['133/8150/8159', '5133081508159'],
  RP: ['22/815/08154', '2722081508154'],
  SL: ['010/815/08182', '1010081508182'],
  SN: ['201/123/12340', '3201012312340'],
  ST: ['101/815/08154', '3101081508154'],
  SH: ['29/815/08158', '2129081508158'],
  TH: ['151/815/08156', '4151081508156'],
};

/** Länder whose printed number starts with a fixed digit, and a number with another one there. */
const WRONG_PREFIX: Partial<Record<Bundesland, string>> = {
  BB: '148/815/08155',
  HE: '113 815 08153',
  MV: '179/815/08151',
  SL: '110/815/08182',
  SN: '101/123/12340',
  ST: '201/815/08154',
  TH: '251/815/08156',
};

describe('Steuernummer to the ELSTER form', () => {
  it('covers every Land', () => {
    expect(Object.keys(VALID).sort()).toEqual([...bundeslandCodes].sort());
  });

  it.each(bundeslandCodes)('%s: a printed number becomes its 13 digits, and the ELSTER form is taken as it is', (land) => {
    const [printed, elster] = VALID[land];
    expect(toElsterTaxNumber(printed, land)).toEqual({ ok: true, elster });
    expect(toElsterTaxNumber(elster, land)).toEqual({ ok: true, elster });
    expect(elster).toMatch(/^[0-9]{4}0[0-9]{8}$/);
  });

  it.each(bundeslandCodes)('%s: a digit too few or too many, letters, or another Land’s ELSTER number are refused', (land) => {
    const [printed, elster] = VALID[land];
    expect(toElsterTaxNumber(printed.slice(0, -1), land)).toEqual({ ok: false, reason: 'length' });
    expect(toElsterTaxNumber(`${printed}7`, land)).toEqual({ ok: false, reason: 'length' });
    expect(toElsterTaxNumber(printed.replace(/[0-9]$/, 'X'), land)).toEqual({ ok: false, reason: 'characters' });
    const other = bundeslandCodes.find((candidate) => !VALID[candidate][1].startsWith(elster.slice(0, land === 'BY' || land === 'NW' ? 1 : 2)))!;
    expect(toElsterTaxNumber(VALID[other][1], land)).toEqual({ ok: false, reason: 'elster-land' });
  });

  it.each(Object.entries(WRONG_PREFIX))('%s: the fixed first digit must be there', (land, printed) => {
    expect(toElsterTaxNumber(printed, land as Bundesland)).toEqual({ ok: false, reason: 'prefix' });
  });

  it('refuses an empty number and a 13-digit one without the 0 in fifth place', () => {
    expect(toElsterTaxNumber('  ', 'BE')).toEqual({ ok: false, reason: 'empty' });
    expect(toElsterTaxNumber('1121181508150', 'BE')).toEqual({ ok: false, reason: 'length' });
  });
});
