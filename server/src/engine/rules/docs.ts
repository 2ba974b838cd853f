/** Where each code's documentation page is published: `docs/rules/<prefix>/<name>.md` of the repository. */
import { repository } from '../../../../package.json';

const RULE_DOCS = `${repository.url}/blob/main/docs/rules/`;

/** The documentation page of a diagnostic code, for LSP `codeDescription.href` and SARIF `helpUri`. */
export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS}${code}.md`;
}
