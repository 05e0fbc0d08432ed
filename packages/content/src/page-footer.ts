import { checkedLink } from './links';
import { joinMarkup, type Markup, markup } from './markup';
import type { Messages } from './messages';
import type { Theme } from './theme';

/**
 * What the footer of every web page says: the Impressum (publisher, address, representative,
 * register entry and VAT id where present, e-mail, phone, person responsible for content) and the
 * links to the privacy policy and website where the theme has them.
 */
export function renderPageFooter(theme: Theme, messages: Messages): Markup {
  const imp = theme.imprint;
  const links: Markup[] = [];
  if (theme.links.privacy !== undefined)
    links.push(
      markup`<a href="${checkedLink(theme.links.privacy, 'theme.links.privacy')}">${messages.privacy}</a>`,
    );
  if (theme.links.website !== undefined)
    links.push(
      markup`<a href="${checkedLink(theme.links.website, 'theme.links.website')}">${messages.website}</a>`,
    );
  return markup`<p class="rk-imprint"><strong>${messages.imprint}</strong><br>${imp.publisher}<br>${imp.address.street}, ${imp.address.postalCode} ${imp.address.city}<br>${messages.representedBy}: ${imp.representative}${imp.register === undefined ? '' : markup`<br>${messages.registerEntry}: ${imp.register}`}${imp.vatId === undefined ? '' : markup`<br>${messages.vatId}: ${imp.vatId}`}<br>${messages.email}: <a href="${checkedLink(`mailto:${imp.email}`, 'theme.imprint.email')}">${imp.email}</a>${imp.phone === undefined ? '' : markup` · ${messages.phone}: ${imp.phone}`}<br>${messages.responsibleForContent}: ${imp.responsibleForContent}</p>
${links.length === 0 ? '' : markup`<p class="rk-links">${joinMarkup(links, ' · ')}</p>`}`;
}
