import { PageHeader } from '../../components/page-header.tsx';
import { useAddWorkspaceFact, useRemoveWorkspaceFact, useWorkspaceFacts } from '../clients/api.ts';
import { FactsSection } from './facts-section.tsx';

/** Facts that hold for every client: your own phone number, product names, prices. */
export function WorkspaceFactsPage() {
  const facts = useWorkspaceFacts();
  const add = useAddWorkspaceFact();
  const remove = useRemoveWorkspaceFact();
  return (
    <>
      <PageHeader
        title="Workspace facts"
        description="What must be right in anything you send, whoever the client: your own numbers, names, prices and terms. The pre-send guard checks outgoing text against them."
      />
      <FactsSection
        title="Facts for every client"
        description="Each fact has a kind, the exact value and an optional label."
        facts={facts}
        add={add}
        remove={remove}
      />
    </>
  );
}
