import { Lazy } from "../islands/Lazy.tsx";

export default function BadIsland() {
  // A function cannot be sent to the browser.
  return <Lazy label="x" onPick={() => {}} />;
}
