/**
 * `deno task calibrate`: grades the labelled replies in
 * lib/rubric/testdata/calibration.yaml and prints per criterion agreement,
 * Cohen's kappa, precision and recall. `--misses` also lists every reply
 * where the grader and the label differ.
 */
import {
  calibrate,
  formatCalibration,
  loadCalibration,
} from "@/lib/rubric/calibration.ts";

const { rubrics, replies } = await loadCalibration(
  new URL("../", import.meta.url),
);
const result = calibrate(replies, rubrics);
console.log(formatCalibration(result));
if (Deno.args.includes("--misses")) {
  console.log("\ndisagreements:");
  for (const d of result.disagreements) {
    console.log(
      `  ${d.id} ${d.row}: label ${d.label}, grader ${d.grader}  «${d.text}»`,
    );
  }
}
