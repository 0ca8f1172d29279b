@echo off
rem Runs hlm from the release archive on Windows (lib\hlm.jar beside this bin\), as bin/hlm does elsewhere:
rem the java of JAVA_HOME, else the one on the PATH; Java 17 or later, read from that Java's release file
rem (java -version only where it has none); HLM_JAVA_OPTS before the jar; every argument passed on as given; the
rem exit code of hlm kept. Not here: the class-data-sharing archive and the short-run JVM flags of bin/hlm,
rem so the JVM's defaults apply (its own shared archive included). docs/decisions.md D21 says why.
setlocal EnableExtensions DisableDelayedExpansion

set "HLM_HOME=%~dp0.."
set "HLM_JAR=%HLM_HOME%\lib\hlm.jar"

set "HLM_JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "HLM_JAVA=%JAVA_HOME%\bin\java.exe"
if not defined HLM_JAVA for %%j in (java.exe) do set "HLM_JAVA=%%~$PATH:j"
if not defined HLM_JAVA (
  echo hlm: java not found: install a Java runtime ^(JRE^) 17 or later, or set JAVA_HOME 1>&2
  exit /b 5
)

rem The version: JAVA_VERSION="17.0.15" (or "1.8.0_402" before Java 9) in the release file beside bin\java.exe.
set "HLM_JAVA_VERSION="
for %%j in ("%HLM_JAVA%") do set "HLM_RELEASE=%%~dpj..\release"
if exist "%HLM_RELEASE%" (
  for /f "usebackq tokens=1,* delims==" %%a in ("%HLM_RELEASE%") do if "%%a"=="JAVA_VERSION" set "HLM_JAVA_VERSION=%%~b"
) else (
  rem The outer quotes are for cmd /c, which strips one pair: openjdk version "17.0.15" 2025-04-15
  for /f "tokens=3" %%v in ('""%HLM_JAVA%" -version 2^>^&1 ^| findstr /i /c:version"') do (
    if not defined HLM_JAVA_VERSION set "HLM_JAVA_VERSION=%%~v"
  )
)
set "HLM_JAVA_MAJOR="
for /f "tokens=1,2 delims=._-+" %%a in ("%HLM_JAVA_VERSION%") do (
  if "%%a"=="1" (set "HLM_JAVA_MAJOR=%%b") else (set "HLM_JAVA_MAJOR=%%a")
)
rem A goto, not a block: a path such as "C:\Program Files (x86)\..." would end a parenthesised block early.
if defined HLM_JAVA_MAJOR if %HLM_JAVA_MAJOR% LSS 17 goto tooOld

"%HLM_JAVA%" %HLM_JAVA_OPTS% -jar "%HLM_JAR%" %*
exit /b %ERRORLEVEL%

:tooOld
echo hlm: %HLM_JAVA% is Java %HLM_JAVA_VERSION%, and hlm needs Java 17 or later: install a JRE 17 or later, or set JAVA_HOME to one 1>&2
exit /b 5
