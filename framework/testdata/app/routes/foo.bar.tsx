export default function Dotted() {
  return <h1>dotted</h1>;
}
