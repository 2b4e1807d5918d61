export default function NotARoute() {
  return <p>private</p>;
}
