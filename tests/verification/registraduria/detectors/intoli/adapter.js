// Our adapter (not part of intoli's pages): waits for the two asynchronous tests (round II's
// permissions query, round I's broken image) and reads every row: the page marks a failed test by
// giving its result cell the class "failed".
const DETECTOR = 'intoli';
const VERSION = 'intoli/intoli-article-materials@b01010ddc769 (rounds I and II)';
const WATCHDOG_MS = 30000;
const SETTLE_MS = 5000;

const { finish: pmFinish, fail: pmFail } = pmResult(DETECTOR, VERSION, WATCHDOG_MS);  // result.js, shared by the pages

function settled() {
  const pending = ['permissions-result', 'broken-image-dimensions'];
  return pending.every((id) => document.getElementById(id).textContent.trim() !== '');
}

function read() {
  const checks = [];
  document.querySelectorAll('table[data-round]').forEach((table) => {
    const round = table.dataset.round;
    table.querySelectorAll('tr').forEach((row) => {
      const cells = row.querySelectorAll('td');
      if (cells.length < 2) return;
      const label = cells[0].firstChild.textContent.trim();
      const result = cells[1];
      const failed = result.classList.contains('failed');
      const text = result.textContent.trim();
      checks.push({
        name: label + ' (round ' + round + ')',
        passed: !failed,
        severity: failed ? 'high' : null,
        detail: text === '' ? '(no result)' : text,
      });
    });
  });
  return {
    checks,
    summary: { failed: checks.filter((c) => !c.passed).map((c) => c.name) },
  };
}

const started = performance.now();
const poll = setInterval(() => {
  if (!settled() && performance.now() - started < SETTLE_MS) return;
  clearInterval(poll);
  try {
    pmFinish(read());
  } catch (err) {
    pmFail(err);
  }
}, 100);
