// Apps Script members newer than @types/google-apps-script 2.0 declares (granular OAuth consent):
// https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String)
declare namespace GoogleAppsScript {
  namespace Script {
    interface ScriptApp {
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
    interface AuthorizationInfo {
      /** The authorized scopes among those asked for; null when none were asked for. */
      getAuthorizedScopes(): string[] | null;
    }
  }
}
