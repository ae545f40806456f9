/**
 * Shown while the kernel is dead (its process went, most likely a cell ran out of memory: the
 * page cannot know more, so it says what is likely). The notebook is untouched; only the
 * kernel's variables are gone.
 */
type Props = { onRestart: () => void };

export function KernelStoppedBanner({ onRestart }: Props) {
  return (
    <div className="banner banner-error" role="alert" aria-label="Kernel stopped">
      <span>
        The kernel stopped unexpectedly, most likely because a cell ran out of memory. Its variables
        are gone; your notebook, its text and outputs are as they were.
      </span>
      <button type="button" onClick={onRestart}>
        Restart kernel
      </button>
    </div>
  );
}
