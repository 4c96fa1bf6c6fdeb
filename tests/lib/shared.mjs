// `../shared` beside the repository (the corpus and the seed pages): present on the maintainers'
// machine and in CI, absent from a clone of this repository alone. The one place that decides
// what a browser test needing it does when it is missing:
//
// - absent: a loud `SKIPPED (../shared not found): <test>` line and the test is skipped;
// - absent while WORKLOG_REQUIRE_SHARED=1 (`.ci/run` sets it): the test fails, so CI never
//   passes on a skip.
//
// Same rule as crates/worklog/tests/support/shared.rs for the Rust tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const REQUIRE_VAR = 'WORKLOG_REQUIRE_SHARED';

export const sharedRequired = () => process.env[REQUIRE_VAR] === '1';

/**
 * `shared/<sub>` for the running test `t` (a node:test context), or `null` after a loud skip
 * (the caller returns). Throws when it is absent and WORKLOG_REQUIRE_SHARED=1.
 */
export function sharedPath(t, sub) {
  const p = path.join(SHARED, sub);
  if (fs.existsSync(p)) return p;
  if (sharedRequired()) {
    throw new Error(`${t.name}: ${p} not found, and ${REQUIRE_VAR}=1 makes the shared tests mandatory`);
  }
  const line = `SKIPPED (../shared not found): ${t.name} (needs ${p}; set ${REQUIRE_VAR}=1 to fail instead)`;
  console.log(line);
  t.skip(line);
  return null;
}
