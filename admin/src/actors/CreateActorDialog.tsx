import { CreateInDialog } from '../common/CreateInDialog';
import { ActorFields } from './ActorFields';
import { guessActorKind } from './guessActorKind';

/** Script-aware guess: text in Cyrillic, kana or CJK is a native name, anything else the English name. */
const NATIVE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export const CreateActorDialog = () => (
  <CreateInDialog
    resource="actors"
    title="New actor"
    defaultValues={(typed) => ({
      ...(NATIVE_SCRIPT.test(typed) ? { nativeName: typed } : { name: typed }),
      kind: guessActorKind(typed).kind,
    })}
  >
    <ActorFields full={false} guessKind />
  </CreateInDialog>
);
