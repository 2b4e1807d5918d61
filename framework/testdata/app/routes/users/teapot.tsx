export default function Teapot(): never {
  const error = new Error("no coffee here");
  error.name = "TeapotError";
  throw error;
}
