@echo off
rem Launcher for llm-proxy: runs lib\llm-proxy.jar with %JAVA_HOME%\bin\java, else java on PATH.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_CMD=java"
)
"%JAVA_CMD%" %JAVA_OPTS% -jar "%APP_HOME%\lib\llm-proxy.jar" %*
exit /b %ERRORLEVEL%
