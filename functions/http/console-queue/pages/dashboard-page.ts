import { html, type SafeHtml } from '../../../platform/html.js';
import type { ConsoleContext } from '../../../web/console/pages/console-context.js';
import { renderConsoleLayout } from '../../../web/console/pages/layout.js';

export interface DashboardPageModel extends ConsoleContext {
  /** From `renderDashboardBody(stats)`; starts at `<h2>`, since this page owns the one `<h1>`. */
  readonly body: SafeHtml;
}

/** The overview: the statistics body in the console shell, with the register download. */
export function renderDashboardPage(model: DashboardPageModel): string {
  const body = html`<h1>Oversikt</h1>
${model.body}`;
  return renderConsoleLayout({ title: 'Oversikt', body, user: model.user, csrfToken: model.csrfToken, section: 'dashboard', flash: model.flash });
}
