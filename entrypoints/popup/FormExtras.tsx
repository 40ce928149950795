import { StingPicker } from '../../components/StingPicker';
import { TagInput } from '../../components/TagInput';
import type { PopupState } from './state';

/**
 * The tags and sting inputs under the answers. Loaded beside the popup's start-up storage
 * reads (App.tsx `loadFormExtras`), off the path to the first field.
 */
export function FormExtras({ state }: { state: PopupState }) {
  const { draft, errors, suggestions } = state.get();
  return (
    <>
      <TagInput
        id="tags"
        tags={draft.tags}
        text={draft.tagText}
        suggestions={suggestions}
        error={errors?.tags}
        onChange={(tags, text) => state.setTags(tags, text)}
      />
      <StingPicker name="sting" value={draft.sting} onChange={(sting) => state.setSting(sting)} />
    </>
  );
}
