/**
 * A TypeScript transformer that turns a cell's top-level declarations into assignments to the
 * kernel's shared scope, so that later cells see them and re-running `const x = …` rebinds `x`
 * instead of failing. The compiled cell runs inside `with (scope)`, so a plain assignment
 * `x = …` writes the scope's property once the runtime has declared it there; the names to
 * declare are collected in `declared`.
 *
 * Rewrites (top level only; nested code is untouched):
 *   const/let/var x = e          →  x = e
 *   const { a, b: [c] } = e      →  ({ a, b: [c] } = e)
 *   class A {}                   →  A = class A {}
 *   function f() {}              →  kept (hoisted), plus `SCOPE.f = f` at the top of the cell
 *   enum E / namespace N         →  kept, plus `SCOPE.E = E` after it
 *   import d, { a as b } from m  →  ({ default: d, a: b } = INTEROP(await IMPORT("m")))
 *   export …                     →  the declaration without `export`
 *   a last expression statement with no trailing `;`  →  return [expression]
 */
import ts from 'typescript';

/** Names the compiled wrapper binds; chosen so that user code does not collide with them. */
export const WRAPPER_NAMES = {
  scope: '__quarry_scope',
  importModule: '__quarry_import',
  interop: '__quarry_interop',
} as const;

export type ScopeTransformResult = {
  /** Names the cell declares at top level, to be created on the scope before it runs. */
  declared: Set<string>;
  /** Whether the cell ends with an expression whose value is to be displayed. */
  returnsValue: boolean;
};

export function createScopeTransformer(
  result: ScopeTransformResult,
): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const rewriter = new TopLevelRewriter(context.factory, sourceFile, result);
    return context.factory.updateSourceFile(sourceFile, rewriter.rewrite(sourceFile.statements));
  };
}

class TopLevelRewriter {
  private readonly hoisted: ts.Statement[] = [];

  constructor(
    private readonly f: ts.NodeFactory,
    private readonly sourceFile: ts.SourceFile,
    private readonly result: ScopeTransformResult,
  ) {}

  rewrite(statements: ts.NodeArray<ts.Statement>): ts.Statement[] {
    const body: ts.Statement[] = [];
    const last = lastRunnableStatement(statements);
    for (const statement of statements) {
      if (statement === last && this.isDisplayedExpression(statement)) {
        this.result.returnsValue = true;
        body.push(
          this.at(
            this.f.createReturnStatement(
              this.f.createArrayLiteralExpression([statement.expression]),
            ),
            statement,
          ),
        );
        continue;
      }
      body.push(...this.rewriteStatement(statement));
    }
    return [...this.hoisted, ...body];
  }

  private isDisplayedExpression(statement: ts.Statement): statement is ts.ExpressionStatement {
    if (!ts.isExpressionStatement(statement)) return false;
    const text = statement.getText(this.sourceFile);
    return !text.trimEnd().endsWith(';');
  }

  private rewriteStatement(statement: ts.Statement): ts.Statement[] {
    if (isAmbient(statement)) return [statement];
    if (ts.isVariableStatement(statement)) return this.variables(statement);
    if (ts.isFunctionDeclaration(statement)) return this.functionDeclaration(statement);
    if (ts.isClassDeclaration(statement) && statement.name)
      return [this.classDeclaration(statement, statement.name)];
    if (
      ts.isEnumDeclaration(statement) ||
      (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name))
    ) {
      return this.exported(statement, statement.name.text);
    }
    if (ts.isImportDeclaration(statement)) return this.importDeclaration(statement);
    if (ts.isExportDeclaration(statement)) return [];
    if (ts.isExportAssignment(statement))
      return [this.at(this.f.createExpressionStatement(statement.expression), statement)];
    return [statement];
  }

  private variables(statement: ts.VariableStatement): ts.Statement[] {
    const isVar = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0;
    const isUsing = (statement.declarationList.flags & ts.NodeFlags.Using) !== 0;
    if (isUsing) return [statement];
    const out: ts.Statement[] = [];
    for (const declaration of statement.declarationList.declarations) {
      collectBindingNames(declaration.name, this.result.declared);
      // `var x;` keeps an earlier value, as JavaScript does; `let x;` starts from undefined.
      const value = declaration.initializer ?? (isVar ? undefined : this.f.createVoidZero());
      if (!value) continue;
      const target = this.assignmentTarget(declaration.name);
      out.push(
        this.at(
          this.f.createExpressionStatement(this.f.createAssignment(target, value)),
          declaration,
        ),
      );
    }
    return out;
  }

  private functionDeclaration(statement: ts.FunctionDeclaration): ts.Statement[] {
    if (!statement.name || !statement.body) return [];
    const name = statement.name.text;
    this.result.declared.add(name);
    this.hoisted.push(this.publish(name));
    return [withoutExport(this.f, statement)];
  }

  private classDeclaration(statement: ts.ClassDeclaration, name: ts.Identifier): ts.Statement {
    this.result.declared.add(name.text);
    const modifiers = statement.modifiers?.filter(
      (m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword,
    );
    const expression = this.f.createClassExpression(
      modifiers,
      name,
      statement.typeParameters,
      statement.heritageClauses,
      statement.members,
    );
    ts.setTextRange(expression, statement);
    const assignment = this.f.createAssignment(this.f.createIdentifier(name.text), expression);
    return this.at(this.f.createExpressionStatement(assignment), statement);
  }

  private exported(
    statement: ts.EnumDeclaration | ts.ModuleDeclaration,
    name: string,
  ): ts.Statement[] {
    this.result.declared.add(name);
    return [withoutExport(this.f, statement), this.publish(name)];
  }

  private importDeclaration(statement: ts.ImportDeclaration): ts.Statement[] {
    const clause = statement.importClause;
    if (clause?.isTypeOnly) return [];
    const f = this.f;
    const loaded = f.createAwaitExpression(
      f.createCallExpression(f.createIdentifier(WRAPPER_NAMES.importModule), undefined, [
        statement.moduleSpecifier,
      ]),
    );
    if (!clause) return [this.at(f.createExpressionStatement(loaded), statement)];
    const properties: ts.ObjectLiteralElementLike[] = [];
    if (clause.name) {
      this.result.declared.add(clause.name.text);
      properties.push(f.createPropertyAssignment('default', f.createIdentifier(clause.name.text)));
    }
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      this.result.declared.add(bindings.name.text);
      const all = f.createAssignment(
        f.createIdentifier(bindings.name.text),
        f.createCallExpression(f.createIdentifier(WRAPPER_NAMES.interop), undefined, [loaded]),
      );
      // `import d, * as ns from "m"`: the default comes from the namespace just loaded.
      const withDefault = clause.name
        ? f.createAssignment(
            f.createIdentifier(clause.name.text),
            f.createPropertyAccessExpression(all, 'default'),
          )
        : all;
      return [this.at(f.createExpressionStatement(withDefault), statement)];
    }
    for (const element of bindings?.elements ?? []) {
      if (element.isTypeOnly) continue;
      this.result.declared.add(element.name.text);
      const imported = element.propertyName ?? element.name;
      properties.push(
        f.createPropertyAssignment(
          f.createStringLiteral(imported.text),
          f.createIdentifier(element.name.text),
        ),
      );
    }
    if (properties.length === 0) {
      // `import { type A } from "m"` is erased like `import type`, as TypeScript does: the module
      // may hold nothing but types. `import {} from "m"` still loads it.
      if (bindings?.elements.length) return [];
      return [this.at(f.createExpressionStatement(loaded), statement)];
    }
    const interop = f.createCallExpression(f.createIdentifier(WRAPPER_NAMES.interop), undefined, [
      loaded,
    ]);
    const assignment = f.createAssignment(f.createObjectLiteralExpression(properties), interop);
    return [this.at(f.createExpressionStatement(assignment), statement)];
  }

  /** `SCOPE.name = name`: makes a hoisted local declaration visible to later cells. */
  private publish(name: string): ts.Statement {
    const f = this.f;
    const target = f.createPropertyAccessExpression(f.createIdentifier(WRAPPER_NAMES.scope), name);
    return f.createExpressionStatement(f.createAssignment(target, f.createIdentifier(name)));
  }

  private assignmentTarget(name: ts.BindingName): ts.Expression {
    const f = this.f;
    if (ts.isIdentifier(name)) return f.createIdentifier(name.text);
    if (ts.isObjectBindingPattern(name)) {
      return f.createObjectLiteralExpression(
        name.elements.map((element) => this.objectElement(element)),
      );
    }
    return f.createArrayLiteralExpression(
      name.elements.map((element) => {
        if (ts.isOmittedExpression(element)) return f.createOmittedExpression();
        const target = this.assignmentTarget(element.name);
        if (element.dotDotDotToken) return f.createSpreadElement(target);
        return element.initializer ? f.createAssignment(target, element.initializer) : target;
      }),
    );
  }

  private objectElement(element: ts.BindingElement): ts.ObjectLiteralElementLike {
    const f = this.f;
    const target = this.assignmentTarget(element.name);
    if (element.dotDotDotToken) return f.createSpreadAssignment(target);
    if (!element.propertyName) {
      // Without a property name the binding is a plain identifier: `{ a }` or `{ a = 1 }`.
      const name = element.name as ts.Identifier;
      return f.createShorthandPropertyAssignment(name.text, element.initializer);
    }
    const value = element.initializer ? f.createAssignment(target, element.initializer) : target;
    return f.createPropertyAssignment(element.propertyName, value);
  }

  /** Gives a synthesized node the source position of the node it replaces (for source maps). */
  private at<T extends ts.Node>(node: T, original: ts.Node): T {
    ts.setTextRange(node, original);
    ts.setOriginalNode(node, original);
    return node;
  }
}

function lastRunnableStatement(statements: ts.NodeArray<ts.Statement>): ts.Statement | undefined {
  for (let i = statements.length - 1; i >= 0; i--) {
    const statement = statements[i];
    if (!ts.isEmptyStatement(statement) && !isTypeOnly(statement)) return statement;
  }
  return undefined;
}

function isTypeOnly(statement: ts.Statement): boolean {
  return (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    isAmbient(statement)
  );
}

function isAmbient(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
  );
}

function collectBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) collectBindingNames(element.name, into);
  }
}

function withoutExport<
  T extends ts.FunctionDeclaration | ts.EnumDeclaration | ts.ModuleDeclaration,
>(f: ts.NodeFactory, node: T): T {
  const modifiers = ts.getModifiers(node);
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return node;
  const kept = modifiers.filter(
    (m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword,
  );
  return f.replaceModifiers(node, kept) as T;
}
