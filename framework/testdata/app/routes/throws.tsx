export default function Throws(): never {
  throw new Error("secret internal detail");
}
