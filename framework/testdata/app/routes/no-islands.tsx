export default function Plain() {
  return <p class="plain">no js here</p>;
}
