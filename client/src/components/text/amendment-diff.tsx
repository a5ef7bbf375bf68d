import { amendmentChanges } from '@coupole/shared';
import { BlockDiff } from './block-diff';

/** An amendment as a diff of the paragraphs it replaces (its words marked), never as Markdown. */
export function AmendmentDiff({ replaced, amendment }: { replaced: readonly string[]; amendment: string }) {
  return (
    <div className="position__amendment-diff">
      {amendmentChanges(replaced, amendment).map((change, index) => (
        <BlockDiff key={index} change={change} />
      ))}
    </div>
  );
}
