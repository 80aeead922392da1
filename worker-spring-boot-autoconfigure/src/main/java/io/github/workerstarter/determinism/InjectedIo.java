package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Type;

/**
 * The I/O clients a workflow bean is given by Spring: constructor parameters, {@code @Autowired}/{@code @Inject}
 * fields and methods, type arguments included ({@code ObjectProvider<JdbcTemplate>}). Reported whether or not the
 * workflow calls them, since the next change may.
 */
final class InjectedIo {

	private final WorkflowUnderCheck workflow;

	private final ApplicationClasses classes;

	private final HazardCatalogue catalogue;

	private final AllowList allowList;

	InjectedIo(WorkflowUnderCheck workflow, ApplicationClasses classes, HazardCatalogue catalogue, AllowList allowList) {
		this.workflow = workflow;
		this.classes = classes;
		this.catalogue = catalogue;
		this.allowList = allowList;
	}

	List<Finding> find() {
		List<Finding> found = new ArrayList<>();
		String beanClass = Type.getInternalName(this.workflow.implementation());
		for (ClassSummary summary = this.classes.summary(beanClass); summary != null;
				summary = (summary.superName != null) ? this.classes.summary(summary.superName) : null) {
			for (MethodSummary method : summary.methods.values()) {
				boolean constructor = method.isConstructor() && !method.isSynthetic() && summary.name.equals(beanClass);
				if (constructor || method.injected) {
					String signature = (method.signature != null) ? method.signature : method.descriptor;
					String where = constructor ? "constructor parameter" : "parameter of injected method " + method.name;
					for (String type : SignatureTypes.classNames(signature)) {
						if (this.catalogue.isIoType(type)) {
							found.add(finding(summary, method.name, method.firstLine, type, where,
									this.allowList.forMethod(summary, method)));
						}
					}
				}
			}
			for (ClassSummary.Field field : summary.fields.values()) {
				if (field.injected()) {
					String signature = (field.signature() != null) ? field.signature() : field.descriptor();
					for (String type : SignatureTypes.classNames(signature)) {
						if (this.catalogue.isIoType(type)) {
							String allowed = (summary.allowReason != null && !summary.allowReason.isBlank())
									? "@AllowNondeterminism on " + AllowList.simpleName(summary.name) + ": "
											+ summary.allowReason
									: null;
							found.add(finding(summary, field.name(), summary.declarationLine(), type, "injected field",
									allowed));
						}
					}
				}
			}
		}
		return found;
	}

	private Finding finding(ClassSummary summary, String member, int line, String type, String where,
			@Nullable String allowed) {
		String allowedBy = (allowed != null) ? allowed : this.allowList.forMember(type, null);
		String simpleType = AllowList.simpleName(type).replace('$', '.');
		List<String> chain = new ArrayList<>();
		String bean = Type.getInternalName(this.workflow.implementation());
		if (!summary.name.equals(bean)) {
			// injected into a superclass while Spring builds the workflow bean
			chain.add(AllowList.simpleName(bean) + ".<init>");
		}
		chain.add(AllowList.simpleName(summary.name) + "." + member);
		chain.add(simpleType);
		return new Finding(HazardCategory.INJECTED_IO, type.replace('/', '.'), summary.name.replace('/', '.'), member,
				summary.sourceFile, line, chain, where + " of type " + simpleType, allowedBy);
	}

}
