// The HD4DP S2S API takes, for a code field, the id of the code-list item rather than its
// code value (docs/domain.md §2). Those ids are not published: this table is ASSUMED, with ids
// made up for the SPIN_SURG code lists (docs/dcd-spin-surg.md), unique across the whole table.
// TODO(2026-11-26): replace it with the ids read from `GET /api/dcd/codelist?codelist-id=`
// on the hospital's HD4DP (one call per list), before the first real S2S submission.
//
// Lists defined by a format (postcodes, nomenclature codes) have no ids for their open
// values: those values are sent as they are. Their enumerated items (RESIDENCE 9999, 999)
// do have ids.
//
// A DCD pulled from HD4DP carries its own ids (`CodeItem.id`) and never uses this table;
// see s2s-code-ids-of.ts for which ids a DCD is sent with.

/** Code-list name -> code value -> id of the item in HD4DP. */
export type S2sCodeIds = Record<string, Record<string, number>>;

/**
 * The DCD this table is made for. Another DCD's lists may share a name (YN, SEX) without
 * sharing HD4DP's items, so it must carry its own ids.
 */
export const S2S_CODE_IDS_DCD = "SPIN_SURG";

export const S2S_CODE_IDS: S2sCodeIds = {
  SEX: {
    "248153007": 1001,
    "248152002": 1002,
    "32570681000036106": 1003,
    "261665006": 1004,
  },
  RESIDENCE: {
    "9999": 1101,
    "999": 1102,
  },
  URGENCY: {
    "1": 1201,
    "2": 1202,
  },
  MDT: {
    "1": 1301,
    "2": 1302,
    "3": 1303,
  },
  PATHOLOGY: {
    "1": 1401,
    "2": 1402,
    "3": 1403,
    "4": 1404,
    "5": 1405,
    "6": 1406,
    "7": 1407,
    "8": 1408,
    "9": 1409,
    "10": 1410,
    "99": 1499,
  },
  LEVEL: {
    C0: 1500,
    C1: 1501,
    C2: 1502,
    C3: 1503,
    C4: 1504,
    C5: 1505,
    C6: 1506,
    C7: 1507,
    T1: 1511,
    T2: 1512,
    T3: 1513,
    T4: 1514,
    T5: 1515,
    T6: 1516,
    T7: 1517,
    T8: 1518,
    T9: 1519,
    T10: 1520,
    T11: 1521,
    T12: 1522,
    L1: 1531,
    L2: 1532,
    L3: 1533,
    L4: 1534,
    L5: 1535,
    S1: 1541,
    S2: 1542,
  },
  YN: {
    "1": 1601,
    "0": 1600,
  },
  ASA: {
    "1": 1701,
    "2": 1702,
    "3": 1703,
    "4": 1704,
    "5": 1705,
  },
  APPROACH: {
    "1": 1801,
    "2": 1802,
    "3": 1803,
    "4": 1804,
    "5": 1805,
  },
  PROCEDURE: {
    "1": 1901,
    "2": 1902,
    "3": 1903,
    "4": 1904,
    "5": 1905,
    "6": 1906,
    "7": 1907,
    "8": 1908,
    "9": 1909,
    "10": 1910,
    "99": 1999,
  },
  TECH: {
    "1": 2001,
    "2": 2002,
    "3": 2003,
    "4": 2004,
    "5": 2005,
  },
  IMPLANT: {
    "1": 2101,
    "2": 2102,
    "3": 2103,
    "4": 2104,
    "5": 2105,
    "6": 2106,
    "99": 2199,
  },
  COMPL: {
    "0": 2200,
    "1": 2201,
    "2": 2202,
    "3": 2203,
    "4": 2204,
    "5": 2205,
    "99": 2299,
  },
};
