import { hostname } from "node:os";
import { expect, test } from "@playwright/test";
import { marketplace } from "./pages";

// The whole agent path in a browser: a console link, the real agent downloaded and run by the sandbox, the host online with
// its inventory, a precheck through the channel, and a target sized and priced through the buyer's (emulated) role.
test("buy → Add hosts → the real agent runs → host online with inventory → precheck passes → sized with a price", async ({ page }) => {
  test.setTimeout(120_000);
  const buyer = { aliUid: `${Date.now()}`, instanceId: `${Date.now() + 3}` };
  await marketplace(page, buyer, /^Buy$|^购买$/, "createInstance");
  await page
    .getByTestId("sandbox-cloud")
    .getByRole("button", { name: /Grant the role|授予角色/ })
    .click();
  await page.getByRole("link", { name: /Launch|免登/ }).click();
  await expect(page).toHaveURL(/\/console$/);
  await page.getByRole("navigation").getByRole("link", { name: "Cloud access" }).click();
  await page.getByTestId("cloud-access").getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("cloud-access")).toContainText("Working");

  await page.getByRole("navigation").getByRole("link", { name: "Add hosts" }).click();
  await expect(page.getByTestId("host-quota")).toContainText("0");
  await page.getByRole("button", { name: "Create download link" }).click();
  const link = (await page.getByTestId("download-link").getByRole("link").textContent()) as string;
  await expect(page.getByTestId("install-command")).toContainText(`curl -fsSL '${link}'`);

  await page.getByTestId("sandbox-hint").getByRole("link").click();
  await expect(page).toHaveURL(/\/sandbox\/hosts$/);
  await page.getByLabel("Download link").fill(link);
  await page.getByRole("button", { name: "Run the agent here" }).click();
  // the package is the real one (tens of MB): downloaded and unpacked before the agent starts
  await expect(page.getByRole("status")).toContainText("The agent is running", { timeout: 30_000 });
  await expect(page.getByTestId("sandbox-hosts")).toContainText("The real agent");

  // the Add hosts page refreshes itself as hosts enrol
  await page.goto("/console/hosts/add");
  await expect(page.getByTestId("enrolled-host")).toContainText(hostname(), { timeout: 20_000 });
  await page.goto("/console/hosts");
  const row = page.getByTestId("host-row").filter({ hasText: hostname() });
  await expect(row).toContainText("Online", { timeout: 20_000 });
  await row.getByRole("link", { name: hostname() }).click();
  await expect(page.getByTestId("inventory")).toContainText(/cores|核/);
  // the host's own page recommends its target too, priced
  await expect(page.getByTestId("host-sizing")).toContainText(/ecs\.\w+/);
  await expect(page.getByTestId("host-sizing")).toContainText(/¥|\$/);

  await page.getByRole("button", { name: "Run precheck" }).click();
  await expect(page.getByRole("status")).toContainText(/queued/i);
  const task = page.getByTestId("task-row").first();
  await expect(task).toContainText("Succeeded", { timeout: 30_000 });
  await expect(task.getByTestId("check").first()).toBeVisible();

  await page.getByRole("navigation").getByRole("link", { name: "Target sizing" }).click();
  const sized = page.getByTestId("sizing-row").filter({ hasText: hostname() });
  await expect(sized).toContainText(/ecs\.\w+/);
  await expect(sized).toContainText(/¥|CN¥|\$/);

  // a few simulated hosts join the same tenant through the same link's package; then everything stops
  await page.goto("/sandbox/hosts");
  await page.getByLabel("Download link").fill(link);
  await page.getByLabel("Simulated hosts").fill("3");
  await page.getByRole("button", { name: "Simulate hosts" }).click();
  await expect(page.getByRole("status")).toContainText("3 simulated hosts enrolled", { timeout: 30_000 });
  await page.goto("/console/hosts");
  await expect(page.getByTestId("host-row")).toHaveCount(4);

  // what they used: a host-hour each (their first heartbeat this hour) and the precheck, in the ledger, charted by day
  await page.getByRole("navigation").getByRole("link", { name: "Usage" }).click();
  await expect(page).toHaveURL(/\/console\/usage$/);
  // last-seen times and host-hours are written in batches (2 s): look again until they are in
  await expect(async () => {
    await page.reload();
    // 4, or more across an hour boundary
    await expect(page.getByTestId("usage-managed_host_hours").getByTestId("usage-total")).toHaveText(/^[4-8]$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("usage-task_runs").getByTestId("usage-total")).toHaveText("1");
  await expect(page.getByTestId("usage-chart").first().locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("metering-row").first()).toContainText(/not summed yet/);
  await page.goto("/sandbox/hosts");
  await page.getByRole("button", { name: "Stop all" }).click();
  await expect(page.getByTestId("sandbox-hosts")).toContainText("Nothing running");
});

test("a pasted text that is not a download link is refused with a clear message", async ({ page }) => {
  await page.goto("/sandbox/hosts");
  await page.getByLabel("Download link").fill("https://example.com/not-a-link");
  await page.getByRole("button", { name: "Run the agent here" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Paste a download link");
});

test("a Windows download link keeps Windows chosen and says how to run its command", async ({ page }) => {
  await page.goto("/console/demo?tenant=aliyun");
  await page.goto("/console/hosts/add");
  await page.getByLabel("Windows (x64)").check();
  await page.getByRole("button", { name: "Create download link" }).click();
  await expect(page.getByTestId("install-command")).toContainText("install.ps1");
  // React resets a form once its action is done: the choice must survive it
  await expect(page.getByLabel("Windows (x64)")).toBeChecked();
  await expect(page.getByTestId("download-link")).toContainText("in an Administrator PowerShell");
  await expect(page.getByTestId("download-link")).not.toContainText("as root");
});
