// base/memo.ts: a pure function's answers read once per key, null answers included, and
// never more than `limit` of them kept.
import { expect, it } from "vitest";
import { remembered } from "../../../loaders/base/memo.ts";

it("reads each key once, remembers null answers too, and drops all answers past the limit", () => {
  const asked: string[] = [];
  const side = remembered((s: string) => {
    asked.push(s);
    return s.includes("收入") ? "income" : null;
  }, 2);
  expect([side("本年收入"), side("本年收入"), side("项目"), side("项目")]).toEqual(["income", "income", null, null]);
  expect(asked).toEqual(["本年收入", "项目"]);
  side("支出"); // a third key: the two remembered are dropped
  side("本年收入");
  expect(asked).toEqual(["本年收入", "项目", "支出", "本年收入"]);
});
