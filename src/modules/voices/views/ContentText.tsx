// Text that residents and moderators wrote keeps its own language tag, and its direction is
// taken from the text itself: an English voice on an Arabic page still reads left to right.
export function ContentText(props: { text: string; lang?: string | undefined; class?: string }) {
  return (
    <div class={props.class} lang={props.lang} dir="auto">
      {props.text.split('\n').map((line) => <p>{line}</p>)}
    </div>
  );
}
