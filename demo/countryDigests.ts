import type { TableName } from './rows';
import type { TableDigest } from './tableDigest';

/**
 * What each table held after the demo country was written batch by batch with multi-row
 * INSERTs (before COPY and deferred indexes), for the default seed: any load route must match.
 */
export const COUNTRY_DIGESTS: Record<number, Record<TableName, TableDigest>> = {
  2_000: {
    'population.address': { rows: 759, md5: '44cbc05df632676868154ea5a22ff45d' },
    'population.household': { rows: 759, md5: '8c7ccb7101b674e058a7626063d2f54f' },
    'population.person': { rows: 2000, md5: 'f330cf4f8837e4436cbc53186e7a0505' },
    'population.parent_child': { rows: 1366, md5: '00677cf3cd74b079d08cc8cdac6a5d21' },
    'tax.income_assessment': { rows: 6321, md5: 'b80c8c44d687c21f353a56c4097a54b1' },
    'tax.tax_debt': { rows: 39, md5: '3c8c9771a9618ccf2460ecf8ddf41a10' },
    'social.benefit_claim': { rows: 729, md5: '62c91106af11822ac0b3d0d62057c045' },
    'health.vaccination': { rows: 4043, md5: '835802b57b9cafe741e3dfc3e48a738c' },
    'health.gp_registration': { rows: 1911, md5: '4b9f46698eb0a75cce177a8d23d6644e' },
    'transport.vehicle': { rows: 770, md5: '727d8b99d4d1790e8453df01582aef4f' },
    'transport.driving_licence': { rows: 902, md5: '8f34312ba2c321dbcc107dfbc0890c6d' },
    'business.company': { rows: 81, md5: 'cfbf24fa45f3357016cd77e30a4d8d6f' },
    'business.board_member': { rows: 160, md5: '008660a421793216721a40ecc783f50c' },
  },
  10_000: {
    'population.address': { rows: 3778, md5: '1b79b7362cd9d655b18e25804386287a' },
    'population.household': { rows: 3778, md5: '391d4101c8bcb56520646e68f2ffd2a7' },
    'population.person': { rows: 10000, md5: '3be5959aa636149f67077296193fd702' },
    'population.parent_child': { rows: 6894, md5: '9832e8147dd041dc0d4a10e4df46191a' },
    'tax.income_assessment': { rows: 31731, md5: '18df164aa3b5d899cdc4d0a10519b75f' },
    'tax.tax_debt': { rows: 204, md5: 'baf31ce46b759930f488693e707de117' },
    'social.benefit_claim': { rows: 3515, md5: 'eba6a9863f64d3e2facb7836fa702c7d' },
    'health.vaccination': { rows: 20018, md5: '8f4513d4619e0fc3c9dc868838b3ac82' },
    'health.gp_registration': { rows: 9539, md5: 'a33ab8f33695da330f4628c3aafc5bb2' },
    'transport.vehicle': { rows: 3935, md5: '58a856f356d9dcb7d19b0808fe463aaa' },
    'transport.driving_licence': { rows: 4481, md5: '0bdf4e9cb0c230fd5a89ded03630ccb1' },
    'business.company': { rows: 401, md5: '34b99c9b81fd9220ccefabd462803fdf' },
    'business.board_member': { rows: 804, md5: '71c2a1541e1e3b1d949d2e8add5cbf7e' },
  },
};
