import { getTranslations } from "next-intl/server";
import { signOutBuyer } from "./console-actions";

export async function SignOutButton() {
  const t = await getTranslations();
  return (
    <form action={signOutBuyer}>
      <button type="submit" className="whitespace-nowrap text-gray-600 hover:text-primary">
        {t("common.signOut")}
      </button>
    </form>
  );
}
